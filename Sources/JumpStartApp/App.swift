import Foundation
import JumpStartCore
import JumpStartWizard
import NcursesBackend

/// Starts the interactive wizard. Placeholder screen until the wizard lands.
public enum WizardLauncher {
    public static func run(_ start: StartingAnswers) throws -> Int32 {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            FileHandle.standardError.write(Data("jumpstart-tui: the wizard needs a terminal. For scripts use `jumpstart-tui export MODEL …` (see jumpstart-tui --help).\n".utf8))
            return 2
        }
        return 0
    }
}
