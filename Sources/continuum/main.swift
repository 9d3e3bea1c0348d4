import ContinuumCLI
import Foundation

exit(Continuum.run(arguments: Array(CommandLine.arguments.dropFirst())))
