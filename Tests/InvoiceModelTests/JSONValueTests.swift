import Foundation
import InvoiceModel
import Testing

@Suite struct JSONValueTests {
    @Test func givenObject_whenSerialized_thenKeysKeepInsertionOrder() {
        let value = JSONValue.object([
            ("zeta", .int(1)), ("alpha", .string("中文")), ("mid", .array([.bool(true), .null])),
        ])
        #expect(value.serialized() == #"{"zeta":1,"alpha":"中文","mid":[true,null]}"#)
    }

    @Test func givenStringsNeedingEscapes_whenSerialized_thenJSONParsersReadThemBack() throws {
        let tricky = "quote\" backslash\\ newline\n tab\t bell\u{07} slash/ 发票"
        let text = JSONValue.object([("s", .string(tricky))]).serialized()
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(parsed?["s"] == tricky)
    }

    @Test func givenNumbers_whenSerialized_thenRoundedAndWithoutSpuriousDigits() {
        #expect(JSONValue.rounded(0.99849).serialized() == "0.998")
        #expect(JSONValue.rounded(1.0).serialized() == "1")
        #expect(JSONValue.double(.nan).serialized() == "null")
        #expect(JSONValue.box(PixelBox(x: 1, y: 2, width: 3, height: 4)).serialized() == "[1,2,3,4]")
        #expect(JSONValue.box(nil).serialized() == "null")
    }
}
