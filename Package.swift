// swift-tools-version:6.0
import PackageDescription

// amr: exact budget allocation, plan checks and progress reports for the
// Dutch labour-market regions. Foundation and the toolchain only: no package
// dependencies, by the user's explicit choice.
let package = Package(
    name: "amr",
    products: [
        .library(name: "AMRCore", targets: ["AMRCore"]),
        .executable(name: "amr", targets: ["amr"]),
    ],
    targets: [
        .target(name: "AMRCore"),
        .executableTarget(name: "amr", dependencies: ["AMRCore"], plugins: ["AMRBuildInfo"]),
        // Names the git commit in `amr --version`; part of the package, not a dependency.
        .plugin(name: "AMRBuildInfo", capability: .buildTool()),
        .testTarget(
            name: "AMRCoreTests",
            dependencies: ["AMRCore", "amr"],
            exclude: ["Golden", "Corpus", "Workbooks", "Regressions", "Documents"]
        ),
    ]
)
