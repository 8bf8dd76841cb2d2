import ArgumentParser
import GridMapCore

/// `--town CODE` or `--village CODE`: where an account or a token may act (default: everywhere).
struct ScopeOptions: ParsableArguments {
    @Option(help: "Scope to this town (its code): lists, layers and changes reach only its events and people.")
    var town: String?
    @Option(help: "Scope to this village or community (its code).")
    var village: String?

    /// The scope, its code checked against the store's current units.
    func scope(in store: any GridMapRepository) throws -> AccessScope {
        guard town != nil || village != nil else { return .everywhere }
        return try AccessScope.named(town: town, village: village, in: store.snapshot())
    }
}
