import Foundation

/// A figure for messages (metres, square metres): one decimal.
func rounded(_ value: Double) -> String { String(format: "%.1f", value) }
