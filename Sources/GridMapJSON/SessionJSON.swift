import GridMapCore

extension JSONWriter {
    /// `GET`/`POST /v1/session`: who is signed in — `{"signed_in": false}` for nobody, else their
    /// name, role, scope (`{"level","code"}`, null: everywhere), what they may do (`permissions`),
    /// whether they see personal data (`sees_personal`), and for a session its `csrf_token` and
    /// when it ends unless used again (`expires_at`); `via` says `session` or `token`.
    public mutating func session(_ principal: Principal?, csrfToken: String? = nil, expiresAt: Instant? = nil) {
        object { json in
            json.key("signed_in"); json.bool(principal != nil)
            guard let principal else { return }
            json.key("name"); json.string(principal.name)
            json.key("role"); json.string(principal.role.rawValue)
            json.key("scope"); json.scope(principal.scope)
            json.key("permissions"); json.array(Permission.allCases.filter(principal.role.may).map(\.rawValue))
            json.key("sees_personal"); json.bool(principal.role.may(.viewPersonal))
            json.key("via"); json.string(principal.userID != nil ? "session" : "token")
            if let csrfToken { json.key("csrf_token"); json.string(csrfToken) }
            if let expiresAt { json.key("expires_at"); json.instant(expiresAt) }
        }
    }

    /// A scope: `{"level":"town","code":…}`, or null for everywhere.
    public mutating func scope(_ scope: AccessScope) {
        guard let level = scope.level, let code = scope.code else { raw("null"); return }
        object { json in
            json.key("level"); json.string(level)
            json.key("code"); json.string(code)
        }
    }
}
