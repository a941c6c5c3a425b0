import JumpStartCommands
import JumpStartApp
print("jumpstart-tui")
