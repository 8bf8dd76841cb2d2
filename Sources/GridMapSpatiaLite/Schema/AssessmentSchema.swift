/// 考核: each town's schemes over time (`assessment_schemes`, the scheme as its JSON; the current
/// one has no `valid_to`), and the leaders' 加减分 (`assessment_adjustments`).
enum AssessmentSchema {
    static let sql = """
        CREATE TABLE assessment_schemes (
            id INTEGER PRIMARY KEY, town_code TEXT NOT NULL REFERENCES towns(code),
            valid_from TEXT NOT NULL, valid_to TEXT, scheme TEXT NOT NULL,
            CHECK (valid_to IS NULL OR valid_to >= valid_from));
        CREATE UNIQUE INDEX assessment_schemes_current ON assessment_schemes(town_code) WHERE valid_to IS NULL;
        CREATE TABLE assessment_adjustments (
            id INTEGER PRIMARY KEY, town_code TEXT NOT NULL REFERENCES towns(code),
            subject TEXT NOT NULL, code TEXT NOT NULL, period TEXT NOT NULL,
            points REAL NOT NULL, reason TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX assessment_adjustments_town ON assessment_adjustments(town_code, subject, code);
        """
}
