/// How personal fields read when the reader may not see them (保密管理): a mobile number keeps
/// its first three and last four digits (`139****2342`), any other phone its last four; a name
/// its first character (`徐*`, `欧**`); free text (descriptions, notes) is withheld.
public enum PersonalMask {
    /// `13912342342` → `139****2342`; other numbers keep only their last four digits.
    public static func phone(_ phone: String) -> String {
        let digits = phone.filter(\.isASCIIDigit)
        if digits.count == 11, digits.hasPrefix("1") { return digits.prefix(3) + "****" + digits.suffix(4) }
        guard digits.count > 4 else { return String(repeating: "*", count: phone.count) }
        return String(repeating: "*", count: digits.count - 4) + digits.suffix(4)
    }

    /// `徐明` → `徐*`; a name's first character, a `*` for each other; digits are never kept (a
    /// name field holding a number is masked whole).
    public static func name(_ name: String) -> String {
        guard let first = name.first, !first.isASCIIDigit else { return String(repeating: "*", count: max(name.count, 1)) }
        return String(first) + String(repeating: "*", count: max(name.count - 1, 1))
    }
}

extension PersonalMask {
    /// Who reported, which is a name or a number: a text holding seven digits or more is masked
    /// as a phone, any other as a name.
    public static func contact(_ text: String) -> String {
        text.count(where: \.isASCIIDigit) >= 7 ? phone(text) : name(text)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
