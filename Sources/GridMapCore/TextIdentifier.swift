/// The rule for identifiers that arrive as free text: a patrol fix's `member`, an event's
/// `external_id`. An identifier has 1–64 characters; no control or format characters (newlines,
/// tabs, bidirectional overrides), no line or paragraph separators, no comma, no space at either
/// end, and it does not start with `=`, `+`, `-` or `@` (what a spreadsheet reads as a formula).
/// Phone numbers, staff and device numbers and plain names all pass; the rule is the same
/// whether the identifier comes from a file, a query parameter or a command-line option.
public enum TextIdentifier {
    /// The longest identifier, in characters.
    public static let maxLength = 64

    /// Why `text` is not an identifier, or nil when it is one.
    public static func problem(_ text: String) -> String? {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return "it is empty" }
        // Four UTF-8 bytes a scalar at most: a longer text is refused before counting characters.
        if text.utf8.count > 4 * maxLength || text.count > maxLength { return "it is longer than \(maxLength) characters" }
        if "=+-@".unicodeScalars.contains(first) { return "it starts with '\(first)', which spreadsheets read as a formula" }
        if first.properties.isWhitespace || last.properties.isWhitespace { return "it begins or ends with a space" }
        for scalar in text.unicodeScalars {
            if scalar == "," { return "it holds a comma" }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse:
                return "it holds the control character U+\(String(scalar.value, radix: 16, uppercase: true))"
            default: continue
            }
        }
        return nil
    }

    /// `text` for a message: quoted with control characters escaped, cut after 40 characters.
    public static func quoted(_ text: String) -> String {
        let head = text.prefix(40)
        return String(head).debugDescription + (head.endIndex < text.endIndex ? "… (\(text.count) characters)" : "")
    }
}
