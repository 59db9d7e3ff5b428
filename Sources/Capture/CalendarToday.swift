import Foundation

/// Today's date for date checks, from the system clock in an explicit time zone.
public enum CalendarToday {
    /// Today in UTC+14, the last time zone to reach a date: no invoice dated "today" anywhere on earth
    /// is reported as being in the future.
    public static let latestTimeZone: @Sendable () -> String = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 14 * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
