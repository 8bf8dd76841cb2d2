import Foundation

/// Writes fixes in the CSV format ``PatrolFile`` reads (`member,time,lon,lat,accuracy,crs`), as
/// `gridmap patrols simulate --out` and the patrol benchmark produce them.
public enum PatrolCSVWriter {
    public static func data(_ fixes: [PatrolFix]) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(fixes.count * 80)
        CSVField.appendRow(["member", "time", "lon", "lat", "accuracy", "crs"], to: &out)
        for fix in fixes {
            CSVField.appendRow([fix.member, Timestamp.format(milliseconds: fix.milliseconds), "\(fix.position.x)", "\(fix.position.y)",
                                fix.accuracy.map { "\($0)" } ?? "", fix.crs.rawValue], to: &out)
        }
        return Data(out)
    }
}
