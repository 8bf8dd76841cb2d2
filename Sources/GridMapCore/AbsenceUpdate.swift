/// What marking a post holder absent (or back) did.
public struct AbsenceUpdate: Sendable, Equatable {
    /// The people holding the post.
    public var matched: Int
    /// How many of them were not already so marked (0: nothing was stored).
    public var changed: Int

    public init(matched: Int, changed: Int) {
        self.matched = matched
        self.changed = changed
    }
}
