/// Sheet tables as one printable HTML page in Chinese (A4 landscape, a table per sheet, header
/// rows repeated on every printed page); every text escaped.
public enum SheetHTML {
    public static func page(title: String, subtitle: String, sheets: [SheetTable]) -> String {
        var html = """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(escaped(title))</title>
            <style>
            @page { size: A4 landscape; margin: 12mm; }
            body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; font-size: 12px; color: #222; margin: 16px; }
            h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 18px 0 6px; break-after: avoid; }
            p.meta { color: #555; margin: 0 0 12px; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
            th, td { border: 1px solid #999; padding: 3px 6px; } th { background: #ddebf7; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            thead { display: table-header-group; } tr { break-inside: avoid; }
            @media print { body { margin: 0; } }
            </style></head><body>
            <h1>\(escaped(title))</h1><p class="meta">\(escaped(subtitle))</p>

            """
        for sheet in sheets {
            html += "<section><h2>\(escaped(sheet.name))</h2><table><thead><tr>"
            html += sheet.headers.map { "<th>\(escaped($0))</th>" }.joined()
            html += "</tr></thead><tbody>\n"
            for row in sheet.rows {
                html += "<tr>" + row.map(cell).joined() + "</tr>\n"
            }
            if sheet.rows.isEmpty { html += "<tr><td colspan=\"\(sheet.headers.count)\">（无）</td></tr>\n" }
            html += "</tbody></table></section>\n"
        }
        return html + "</body></html>\n"
    }

    private static func cell(_ cell: SheetTable.Cell) -> String {
        switch cell {
        case .number: "<td class=\"n\">\(cell.text)</td>"
        default: "<td>\(escaped(cell.text))</td>"
        }
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
