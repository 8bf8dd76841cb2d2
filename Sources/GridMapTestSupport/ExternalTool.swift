import Foundation

/// Runs a command-line tool (GDAL, gzip, Python with OWSLib) as an independent oracle. Output
/// goes through files, so no pipe can fill up and stall the tool.
public enum ExternalTool {
    /// The `gridmap` command built with the tests (next to the test runner).
    public static let gridmap = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("gridmap").path

    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// What a tool wrote.
    public struct Output: Sendable {
        public var stdout: Data
        /// Warnings, for tools that must give none.
        public var stderr: String

        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The tool's standard output; throws with its standard error when it exits non-zero.
    public static func run(_ executable: String, _ arguments: [String], input: [UInt8] = []) throws -> Data {
        let run = try Run(executable, arguments, input: input)
        run.process.waitUntilExit()
        return try run.output().stdout
    }

    /// Both outputs of the tool, waited for without blocking a thread (for tools that call back a
    /// server of the same process), `input` on its standard input; throws with its standard error
    /// when it exits with another status than `status`.
    public static func output(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                              input: [UInt8] = [], expecting status: Int32 = 0) async throws -> Output {
        let run = try Run(executable, arguments, input: input, environment: environment, started: false)
        var launchError: (any Error)?
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            run.process.terminationHandler = { _ in done.resume() }
            do { try run.process.run() } catch {
                launchError = error
                done.resume()
            }
        }
        if let launchError { throw launchError }
        return try run.output(expecting: status)
    }

    private final class Run: @unchecked Sendable {
        let process = Process()
        let directory: URL
        let description: String

        init(_ executable: String, _ arguments: [String], input: [UInt8], environment: [String: String] = [:], started: Bool = true) throws {
            directory = try Fixtures.scratchDirectory()
            description = "\(executable) \(arguments.joined(separator: " "))"
            let inputFile = directory.appendingPathComponent("stdin")
            try Data(input).write(to: inputFile)
            try Data().write(to: directory.appendingPathComponent("stdout"))
            try Data().write(to: directory.appendingPathComponent("stderr"))
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
            process.standardOutput = try FileHandle(forWritingTo: directory.appendingPathComponent("stdout"))
            process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("stderr"))
            if started { try process.run() }
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        func output(expecting status: Int32 = 0) throws -> Output {
            let stderr = String(decoding: try Data(contentsOf: directory.appendingPathComponent("stderr")), as: UTF8.self)
            guard !process.isRunning, process.terminationStatus == status else {
                throw Failure(description: "\(description) exited \(process.isRunning ? -1 : process.terminationStatus): \(stderr)")
            }
            return Output(stdout: try Data(contentsOf: directory.appendingPathComponent("stdout")), stderr: stderr)
        }
    }
}
