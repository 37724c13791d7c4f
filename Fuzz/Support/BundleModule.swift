internal import Foundation

// SwiftPM synthesises `Bundle.module` for WartaCore's resources; a fuzz target is compiled by `scripts/fuzz`
// with swiftc directly, so it gets this one instead: the directory that holds `Resources/`, from the environment
// (`WARTA_RESOURCE_ROOT`) or else the one the script wrote into `fuzzResourceRoot` at build time.
extension Foundation.Bundle {
    static let module: Bundle = {
        let root = ProcessInfo.processInfo.environment["WARTA_RESOURCE_ROOT"] ?? fuzzResourceRoot
        guard let bundle = Bundle(path: root) else { fatalError("no WartaCore resources at \(root)") }
        return bundle
    }()
}
