// The executable: runs the root command; with no subcommand in a terminal, the wizard.
import Foundation
import JumpStartApp
import JumpStartCommands
import JumpStartCore

StandardStreams.holdClosedDescriptors()
if let code = JumpStartTUI.checkHelpTopic(CommandLine.arguments) { exit(code) }
if let code = JumpStartTUI.runDiffWithExitCode(CommandLine.arguments) { exit(code) }
JumpStartTUI.startWizard = { start in
    try WizardLauncher.run(start)
}
JumpStartTUI.main()
