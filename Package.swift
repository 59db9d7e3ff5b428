// swift-tools-version:6.1
import PackageDescription
import Foundation

/// zxing-cpp 3, built into `.deps/zxing` by `scripts/fetch-zxing` (Debian 12 ships 1.4).
let zxing = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(".deps/zxing").path

/// One set of strict settings shared by every Swift target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "InvoiceCapture",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "invcap", targets: ["invcap"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // C libraries: module maps only.
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]
        ),

        // poppler-glib: PDF text layers with positions, embedded images and rendering through cairo.
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),

        .systemLibrary(name: "CZBar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        // zxing-cpp through a one-function C++ shim, linked statically from `.deps/zxing`.
        .target(
            name: "CZXingShim",
            cxxSettings: [.unsafeFlags(["-I\(zxing)/include", "-std=c++20"])],
            linkerSettings: [.unsafeFlags(["-L\(zxing)/lib", "-l:libZXing.a"])]),
        // ONNX Runtime, loaded at run time (dlopen) for the Chinese line recognizer: a small C shim.
        .target(name: "COnnxLineModel", linkerSettings: [.linkedLibrary("dl")]),

        // Pure domain: values, contract output, validation. Foundation only.
        .target(name: "InvoiceModel", swiftSettings: swiftSettings),

        // Files → pages (raster images through Leptonica; guards on size and format).
        .target(
            name: "Ingest",
            dependencies: [
                "InvoiceModel", "CTesseract", "CPoppler", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),

        // Tesseract engines, engine pool, orientation, region OCR.
        .target(
            name: "Recognition",
            dependencies: ["InvoiceModel", "Ingest", "CTesseract", "CZBar", "CZXingShim", "COnnxLineModel"],
            swiftSettings: swiftSettings),

        // Layout profiles → fields with evidence; confidence model; review policy. Reads pages through
        // InvoiceModel's PageReader protocol, so it never touches an OCR engine directly.
        .target(name: "Extraction", dependencies: ["InvoiceModel"], swiftSettings: swiftSettings),

        // The ledger: documents, review state, people, audit trail, archive of originals; on SQLite (GRDB) by
        // default, or on a PostgreSQL server shared by several nodes (postgres-nio), with its work queue.
        .target(
            name: "Storage",
            dependencies: [
                "InvoiceModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),

        // The pipeline that composes the steps above.
        .target(
            name: "Capture",
            dependencies: [
                "InvoiceModel", "Ingest", "Recognition", "Extraction", "Storage",
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings),

        // HTTP: health and metrics of the service now; the review UI and REST API next (Hummingbird 2).
        .target(
            name: "ReviewWeb",
            dependencies: [
                "InvoiceModel", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),

        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "invcap",
            dependencies: [
                "InvoiceModel", "Ingest", "Recognition", "Capture", "Storage", "ReviewWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),

        // Helpers for the tests: paths of testdata/ and ../shared/data, labels, running the binary.
        .target(
            name: "TestSupport", dependencies: ["InvoiceModel", "Storage"], path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "ExtractionTests", dependencies: ["Extraction", "InvoiceModel", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "InvoiceModel", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ReviewWebTests",
            dependencies: [
                "ReviewWeb", "Storage", "InvoiceModel", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "InvoiceModelTests", dependencies: ["InvoiceModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "IngestTests",
            dependencies: [
                "Ingest", "InvoiceModel", "TestSupport", "CTesseract",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RecognitionTests",
            dependencies: ["Recognition", "Ingest", "InvoiceModel", "TestSupport", "CTesseract", "Capture"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CaptureTests",
            dependencies: ["Capture", "Recognition", "Ingest", "InvoiceModel", "Storage", "Extraction", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "InvcapTests",
            dependencies: [
                "invcap", "InvoiceModel", "Ingest", "Capture", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
