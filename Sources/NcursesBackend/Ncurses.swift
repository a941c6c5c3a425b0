import CNcursesw
import TerminalUI
/// Placeholder until the backend lands.
public enum NcursesModule {}
