import JumpStartCore
import TerminalUI
/// Placeholder until the wizard lands.
public enum WizardModule {}
