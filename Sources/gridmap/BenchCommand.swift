import ArgumentParser
struct BenchCommand: ParsableCommand {}
