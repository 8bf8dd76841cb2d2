import GridMapCore

/// Server-wide access settings.
public struct AccessPolicy: Sendable {
    /// Reads (the `read` and `resolve` permissions) need no token. Off by default: a server
    /// answers only token holders unless its operator opens the reads (`gridmap serve --public-reads`).
    /// Personal fields stay masked for anonymous readers either way.
    public var publicReads: Bool
    /// How long a token's holder or a session's account is trusted before it is looked up again:
    /// the longest a revoked token or a disabled account keeps working.
    public var tokenRecheck: Duration
    /// A session unused this long ends (`--session-idle`).
    public var sessionIdle: Duration
    /// A session ends this long after sign-in however much it is used (`--session-lifetime`).
    public var sessionLifetime: Duration
    /// Session cookies carry `Secure`. Set it when the server is reached over HTTPS through a proxy
    /// that does not send `X-Forwarded-Proto: https` (which sets it per request).
    public var secureCookies: Bool
    /// How failed sign-ins lock an account.
    public var signIn: SignInPolicy

    public init(publicReads: Bool = false, tokenRecheck: Duration = .seconds(2), sessionIdle: Duration = .seconds(30 * 60),
                sessionLifetime: Duration = .seconds(12 * 3600), secureCookies: Bool = false, signIn: SignInPolicy = SignInPolicy()) {
        self.publicReads = publicReads
        self.tokenRecheck = tokenRecheck
        self.sessionIdle = sessionIdle
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.signIn = signIn
    }
}
