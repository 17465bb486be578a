import Foundation

// The process boundary: run, write what the run produced, exit with its code.
let outcome = Tool.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
if !outcome.binary.isEmpty { FileHandle.standardOutput.write(Data(outcome.binary)) }
FileHandle.standardError.write(Data(outcome.stderr.utf8))
exit(outcome.exitCode)
