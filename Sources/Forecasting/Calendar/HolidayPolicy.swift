/// Which public-holiday calendar a forecast keeps: none, the one the history's closures follow (`infer`, the CLI's
/// `--holidays auto`), or a named one (`--holidays us`). See `HolidayInference`.
public enum HolidayPolicy: Sendable, Equatable {
    /// No public holidays beyond the special days given.
    case none
    /// Recognise a calendar in the history's closures (`HolidayInference.infer`).
    case infer
    /// Keep this calendar.
    case calendar(PublicHolidayCalendar)

    /// `auto`, `none` or a calendar code (`us`, `ca`, `gb`, `ie`, `de`, `fr`, `au`), case-insensitive; `nil` otherwise.
    public init?(text: String) {
        switch text.lowercased() {
        case "auto": self = .infer
        case "none": self = .none
        default:
            guard let calendar = PublicHolidayCalendar.named(text) else { return nil }
            self = .calendar(calendar)
        }
    }

    /// What `init(text:)` accepts, for messages.
    public static var expected: String {
        "auto, none or a calendar code (" + PublicHolidayCalendar.all.map(\.code).joined(separator: ", ") + ")"
    }
}
