import JumpStartWizard
import NcursesBackend
/// Placeholder until the app loop lands.
public enum AppModule {}
