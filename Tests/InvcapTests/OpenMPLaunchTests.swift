import Foundation
import TestSupport
import Testing

/// `invcap` must run Tesseract with OMP_THREAD_LIMIT=1 without the user doing anything, and respect a
/// value the user set. The proof is what the loaded libgomp itself reports (`omp_get_thread_limit`).
@Suite struct OpenMPLaunchTests {
    private func openMP(_ environment: [String: String?]) throws -> [String: Any] {
        let result = try CommandRunner.invcap(["doctor", "--json"], environment: environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(object["openmp"] as? [String: Any])
    }

    @Test func givenNoVariable_whenStarted_thenLoadedRuntimeLimitsToOneThread() throws {
        let status = try openMP(["OMP_THREAD_LIMIT": nil])
        #expect(status["threadLimit"] as? Int == 1)
        #expect(status["restartedWithLimit"] as? Bool == true)
    }

    @Test func givenUserValue_whenStarted_thenItIsRespected() throws {
        let status = try openMP(["OMP_THREAD_LIMIT": "3"])
        #expect(status["threadLimit"] as? Int == 3)
        #expect(status["restartedWithLimit"] as? Bool == false)
    }
}
