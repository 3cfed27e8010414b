import Testing
import RelayModel
import RelayJSON

/// M-RoPE position ids against the port of transformers 4.51 get_rope_index (rope_reference.json).
@Suite struct RopeReferenceTests {
    static func grids(_ v: JSONValue?) -> [GridTHW] {
        (v?.arrayValue ?? []).compactMap { g in
            guard let a = g.arrayValue?.compactMap(\.intValue), a.count == 3 else { return nil }
            return GridTHW(t: a[0], h: a[1], w: a[2])
        }
    }

    @Test func positionIDsMatchTheReference() throws {
        let table = try ReferenceFixtures.load("rope_reference")
        let cases = try #require(table["cases"]?.arrayValue)
        #expect(cases.count >= 5)
        for c in cases {
            let ids = (c["input_ids"]?.arrayValue ?? []).compactMap(\.intValue)
            let got = try MRoPE.positionIDs(
                inputIDs: ids, imageGrids: Self.grids(c["image_grid_thw"]), videoGrids: Self.grids(c["video_grid_thw"]),
                secondsPerGrid: (c["second_per_grid_ts"]?.arrayValue ?? []).compactMap(\.doubleValue)
            )
            let expected = (c["position_ids"]?.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.intValue) }
            let name = c["name"]?.stringValue ?? "?"
            #expect(expected.count == 3)
            #expect(got.t == expected[0], "\(name): temporal ids")
            #expect(got.h == expected[1], "\(name): row ids")
            #expect(got.w == expected[2], "\(name): column ids")
            #expect(got.ropeDelta == c["rope_delta"]?.intValue, "\(name): rope delta")
        }
    }
}
