/// How numbers read by people are written. Our own formatting, not Foundation's: the output must
/// be the same bytes on every machine (Foundation on Linux ignores LANG and uses `en_001`).
public enum NumberLocale: String, Sendable, CaseIterable {
    /// Dutch: `€ 159.500,00`, `802.209`.
    case nl
    /// English: `€159,500.00`, `802,209`.
    case en

    var groupingSeparator: Character { self == .nl ? "." : "," }
    var decimalSeparator: Character { self == .nl ? "," : "." }

    /// An exact decimal with digit grouping: `20.157,18` (nl) or `20,157.18` (en).
    public func format(_ value: ExactDecimal, grouping: Bool = true) -> String {
        let plain = value.description
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : Substring(plain)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = parts.first.map(String.init) ?? "0"
        var result = grouping ? Self.group(integerPart, with: groupingSeparator) : integerPart
        if parts.count > 1 {
            result.append(decimalSeparator)
            result += parts[1]
        }
        return negative ? "-" + result : result
    }

    /// A whole number with digit grouping: `802.209`.
    public func format(_ value: Int64) -> String {
        format(ExactDecimal(significand: value))
    }

    /// An amount with the euro sign, showing `decimals` decimals: `€ 20.157,18`, `€159,500`.
    /// Amounts are always multiples of the unit that sets `decimals`, so nothing is rounded.
    public func format(_ money: Money, decimals: Int = 2) -> String {
        let number = format(Self.decimal(money, decimals: decimals))
        switch self {
        case .nl: return "€ " + number
        case .en: return number.hasPrefix("-") ? "-€" + number.dropFirst() : "€" + number
        }
    }

    /// A signed difference without currency sign: `+0,01`, `-0,01`, `0,00`.
    public func formatSigned(_ money: Money, decimals: Int = 2) -> String {
        let number = format(Self.decimal(money, decimals: decimals))
        return money.cents > 0 ? "+" + number : number
    }

    /// The amount as an exact decimal with `decimals` decimals (0…2); drops only zero digits.
    static func decimal(_ money: Money, decimals: Int) -> ExactDecimal {
        var significand = money.cents
        var scale = 2
        while scale > max(0, decimals) && significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        return ExactDecimal(significand: significand, scale: scale)
    }

    static func group(_ digits: String, with separator: Character) -> String {
        var result = ""
        let count = digits.count
        for (index, digit) in digits.enumerated() {
            if index > 0 && (count - index) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return result
    }
}
