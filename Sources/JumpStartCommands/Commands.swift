import ArgumentParser
import JumpStartCore
public enum CommandsModule {}
