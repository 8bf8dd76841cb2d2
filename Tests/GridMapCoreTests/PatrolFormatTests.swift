import Foundation
import GridMapCore
import GridMapGeometry
import Testing

/// Patrol fix files: device GPX exports, GeoJSON, CSV and NDJSON, and the errors that name where
/// a file goes wrong.
@Suite struct PatrolFormatTests {
    // MARK: GPX

    @Test func garminDeviceExportReadsEveryPointOfBothSegments() throws {
        let fixes = try PatrolFile.parse(fixture("garmin-etrex.gpx"), format: .gpx,
                                         options: PatrolParseOptions(member: "13800000001"))
        #expect(fixes.count == 11)  // 6 + 5 track points; the waypoint is not a fix
        #expect(fixes.allSatisfy { $0.member == "13800000001" && $0.crs == .wgs84 && $0.accuracy == nil })
        #expect(fixes.first?.milliseconds == 1_772_413_091_000)  // 2026-03-02T00:58:11Z
        #expect(fixes.first?.position == Coordinate(119.7201118, 28.2702896))
        // The last point of the first segment, then the first of the second, 12 minutes later.
        #expect(fixes[5].milliseconds == 1_772_413_116_000)
        #expect(fixes[5].position == Coordinate(119.7201282, 28.2703307))
        #expect(fixes[6].milliseconds == 1_772_413_841_000)
        #expect(fixes[6].position == Coordinate(119.7223279, 28.2718775))
        #expect(fixes.last?.milliseconds == 1_772_413_861_000)  // 01:11:01Z
        #expect(fixes.last?.position == Coordinate(119.7225367, 28.2719673))
    }

    @Test func androidLoggerExportWithOffsetTimesAndAccuracy() throws {
        let fixes = try PatrolFile.parse(fixture("android-osmand.gpx"), format: nil,
                                         options: PatrolParseOptions(member: "13800000002", crs: .gcj02))
        #expect(fixes.count == 8)
        #expect(fixes.allSatisfy { $0.crs == .gcj02 })
        #expect(fixes.first?.milliseconds == 1_772_411_405_000)  // 2026-03-02T08:30:05+08:00
        #expect(fixes.first?.position == Coordinate(119.7189392, 28.2731147))
        #expect(fixes.last?.milliseconds == 1_772_411_426_000)
        #expect(fixes.last?.position == Coordinate(119.7192926, 28.2733065))
        #expect(fixes.map(\.accuracy) == [3.9, 6.0, 12.5, nil, 4.8, 3.9, 12.5, 12.5])  // hdop is not accuracy
    }

    @Test func gpx10WithAccuracyAsDirectChildAndSeveralTracks() throws {
        let gpx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.0" creator="GPSLogger" xmlns="http://www.topografix.com/GPX/1/0" xmlns:gpsl="urn:gpslogger">
            <trk><trkseg>
            <trkpt lat="28.27" lon="119.72"><ele>50</ele><time>2026-03-02T00:00:00Z</time><gpsl:hacc> 6.5 </gpsl:hacc></trkpt>
            </trkseg></trk>
            <trk><trkseg><trkpt lat="28.2701" lon="119.7201"><time>2026-03-02T00:00:05.120Z</time></trkpt></trkseg></trk>
            </gpx>
            """
        let fixes = try PatrolFile.parse(Data(gpx.utf8), format: .gpx, options: PatrolParseOptions(member: "m"))
        #expect(fixes == [
            PatrolFix(member: "m", milliseconds: 1_772_409_600_000, position: Coordinate(119.72, 28.27), crs: .wgs84, accuracy: 6.5),
            PatrolFix(member: "m", milliseconds: 1_772_409_605_120, position: Coordinate(119.7201, 28.2701), crs: .wgs84),
        ])
    }

    @Test func malformedGPXNamesThePlace() throws {
        let truncated = try fixture("garmin-etrex.gpx").prefix(2_000)
        #expect(error(truncated, .gpx, member: "m")
                == PatrolParseError(.malformedGPX, "line 45: the document is cut short, or has text after its root element"))
        #expect(error("<gpx>\n<trk>\n<trkseg></trk></gpx>", .gpx, member: "m")
                == PatrolParseError(.malformedGPX, "line 3: a closing tag does not match the open element"))
        #expect(error("hello", .gpx, member: "m") == PatrolParseError(.malformedGPX, "line 1: the file is empty or not XML"))

        func points(_ body: String) -> String {
            """
            <?xml version="1.0"?>
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
            <trkpt lat="28.27" lon="119.72"><time>2026-03-02T00:00:00Z</time></trkpt>
            \(body)
            </trkseg></trk></gpx>
            """
        }
        let noLat = error(points(#"<trkpt lon="119.72"><time>2026-03-02T00:00:05Z</time></trkpt>"#), .gpx, member: "m")
        #expect(noLat == PatrolParseError(.invalidCoordinate, "trkpt 1 (line 4): no lat attribute"))
        let noTime = error(points("<trkpt lat=\"28.27\" lon=\"119.72\">\n<ele>3</ele></trkpt>"), .gpx, member: "m")
        #expect(noTime == PatrolParseError(.missingTime, "trkpt 1 (line 4): no <time>"))
        let badTime = error(points(#"<trkpt lat="28.27" lon="119.72"><time>2026-03-02 08:00:05</time></trkpt>"#), .gpx, member: "m")
        #expect(badTime?.code == .invalidTime)
        #expect(badTime?.detail.hasPrefix("trkpt 1 (line 4): time '2026-03-02 08:00:05' is neither") == true)
        let badAccuracy = error(points(#"<trkpt lat="28.27" lon="119.72"><time>2026-03-02T00:00:05Z</time><extensions><x:accuracy xmlns:x="urn:x">-3</x:accuracy></extensions></trkpt>"#), .gpx, member: "m")
        #expect(badAccuracy == PatrolParseError(.invalidAccuracy, "trkpt 1 (line 4): accuracy -3.0 must be a finite number of metres ≥ 0"))
        let outOfRange = error(points(#"<trkpt lat="28.27" lon="219.72"><time>2026-03-02T00:00:05Z</time></trkpt>"#), .gpx, member: "m")
        #expect(outOfRange == PatrolParseError(.invalidCoordinate, "trkpt 1 (line 4): longitude 219.72 is out of range [-180, 180]"))

        let kml = error(#"<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>"#, .gpx, member: "m")
        #expect(kml == PatrolParseError(.malformedGPX, "line 1: the root element is <kml>, not <gpx>"))
        #expect(error(points(""), .gpx)?.code == .missingMember)
        #expect(error(#"<gpx version="1.1"><wpt lat="28.27" lon="119.72"><time>2026-03-02T00:00:05Z</time></wpt></gpx>"#, .gpx,
                      member: "m") == PatrolParseError(.noFixes, "the gpx file holds no fixes"))
    }

    // MARK: GeoJSON

    @Test func geoJSONPointFeatures() throws {
        let json = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [119.72012345678901, 28.27]},
               "properties": {"member": "13800000001", "time": "2026-03-02T08:30:00+08:00", "accuracy": 4.5, "crs": "GCJ02"}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [119.721, 28.271, 55.0]},
               "properties": {"time": 1772411410, "accuracy": null}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [119.722, 28.272]},
               "properties": {"member": 13800000002, "time": 1772411415123}}
            ]}
            """
        let fixes = try parse(json, nil, member: "m0", crs: .bd09)
        #expect(fixes == [
            PatrolFix(member: "13800000001", milliseconds: 1_772_411_400_000, position: Coordinate(119.72012345678901, 28.27),
                      crs: .gcj02, accuracy: 4.5),
            PatrolFix(member: "m0", milliseconds: 1_772_411_410_000, position: Coordinate(119.721, 28.271), crs: .bd09),
            PatrolFix(member: "13800000002", milliseconds: 1_772_411_415_123, position: Coordinate(119.722, 28.272), crs: .bd09),
        ])
    }

    @Test func geoJSONLineStringWithCoordTimes() throws {
        // As togeojson converts a GPX track.
        let json = """
            {"type":"Feature","properties":{"name":"巡查","time":"2026-03-02T00:58:11Z",
             "coordTimes":["2026-03-02T00:58:11Z","2026-03-02T00:58:16Z","2026-03-02T00:58:21.5Z"]},
             "geometry":{"type":"LineString","coordinates":[[119.7201118,28.2702896,53.83],[119.7201523,28.2703011,53.1],[119.72019,28.2703207,52.9]]}}
            """
        let fixes = try parse(json, .geojson, member: "13800000003")
        #expect(fixes.map(\.milliseconds) == [1_772_413_091_000, 1_772_413_096_000, 1_772_413_101_500])
        #expect(fixes.map(\.position) == [Coordinate(119.7201118, 28.2702896), Coordinate(119.7201523, 28.2703011),
                                          Coordinate(119.72019, 28.2703207)])
        #expect(fixes.allSatisfy { $0.member == "13800000003" && $0.crs == .wgs84 && $0.accuracy == nil })
    }

    @Test func geoJSONMultiLineStringWithTimes() throws {
        let json = """
            {"type":"FeatureCollection","features":[{"type":"Feature",
             "properties":{"member":"m","crs":"gcj02","accuracy":8,"times":[[1772413091,1772413096],[1772413841000]]},
             "geometry":{"type":"MultiLineString","coordinates":[[[119.72,28.27],[119.7201,28.2701]],[[119.7223,28.2718]]]}}]}
            """
        let fixes = try parse(json, .geojson)
        #expect(fixes == [
            PatrolFix(member: "m", milliseconds: 1_772_413_091_000, position: Coordinate(119.72, 28.27), crs: .gcj02, accuracy: 8),
            PatrolFix(member: "m", milliseconds: 1_772_413_096_000, position: Coordinate(119.7201, 28.2701), crs: .gcj02, accuracy: 8),
            PatrolFix(member: "m", milliseconds: 1_772_413_841_000, position: Coordinate(119.7223, 28.2718), crs: .gcj02, accuracy: 8),
        ])
        // A bare geometry carries its times as a foreign member.
        let bare = #"{"type":"LineString","coordinates":[[119.72,28.27]],"times":["2026-03-02T00:58:11Z"]}"#
        #expect(try parse(bare, nil, member: "m").map(\.milliseconds) == [1_772_413_091_000])
    }

    @Test func geoJSONErrorsNameTheFeature() throws {
        func collection(_ features: String...) -> String {
            #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
        }
        let point = #"{"type":"Feature","geometry":{"type":"Point","coordinates":[119.72,28.27]},"properties":{"member":"m","time":"2026-03-02T00:58:11Z"}}"#
        let line = #"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[119.72,28.27],[119.73,28.28],[119.74,28.29]]},"properties":{"member":"m","times":[1772413091,1772413096]}}"#
        #expect(error(collection(point, line), .geojson)
                == PatrolParseError(.invalidTime, "feature 1: times has 2 times for 3 positions"))
        let lines = #"{"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[119.72,28.27]],[[119.73,28.28]]]},"properties":{"member":"m","coordTimes":[[1772413091]]}}"#
        #expect(error(collection(lines), .geojson) == PatrolParseError(.invalidTime, "feature 0: coordTimes has 1 times for 2 lines"))
        let noTimes = #"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[119.72,28.27]]},"properties":{"member":"m"}}"#
        #expect(error(collection(point, point, noTimes), .geojson)?.code == .missingTime)
        #expect(error(collection(point, point, noTimes), .geojson)?.detail.hasPrefix("feature 2: ") == true)
        let badCRS = point.replacingOccurrences(of: #""member":"m""#, with: #""member":"m","crs":"gcj-02""#)
        #expect(error(collection(point, badCRS), .geojson)
                == PatrolParseError(.unknownCRS, "feature 1: unknown crs 'gcj-02' (one of: wgs84, cgcs2000, gcj02, bd09)"))
        let noMember = point.replacingOccurrences(of: #""member":"m","#, with: "")
        #expect(error(collection(noMember), .geojson)
                == PatrolParseError(.missingMember, "feature 0: no member property, and none was given for the file"))
        #expect(try parse(collection(noMember), .geojson, member: "given").first?.member == "given")
        let badTime = point.replacingOccurrences(of: "2026-03-02T00:58:11Z", with: "2026-03-02T00:58:11")
        #expect(error(collection(badTime), .geojson)?.code == .invalidTime)
        let swapped = point.replacingOccurrences(of: "[119.72,28.27]", with: "[28.27,119.72]")
        #expect(error(collection(swapped), .geojson)?.code == .latLonSwapped)
        #expect(error(collection(swapped), .geojson)?.detail.hasPrefix("feature 0 coordinates: latitude 119.72") == true)
        let polygon = #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[]},"properties":{}}"#
        #expect(error(collection(polygon), .geojson)?.code == .malformedJSON)
        #expect(error(#"{"type":"FeatureCollection","features":[}"#, .geojson)?.code == .malformedJSON)
        #expect(error(collection(), .geojson) == PatrolParseError(.noFixes, "the geojson file holds no fixes"))
    }

    // MARK: CSV

    @Test func csvWithQuotedFieldsAndColumnsInAnyOrder() throws {
        let csv = "\u{FEFF}\"lat\",time,member,speed,accuracy,LON,crs\r\n"
            + "28.2702896,2026-03-02T08:58:11+08:00,\"网格员 \"\"张三\"\" 一组\",1.2,5,119.72011180000001,gcj02\r\n"
            + "28.2703011,2026-03-02T00:58:16.250Z,\"13800000001\",,,119.7201523,\r\n"
            + "\r\n"
            + "\"28.2703207\",\"2026-03-02T00:58:21Z\",13800000001,0.8,\" 7.5 \",119.72019,BD09\r\n"
        let fixes = try parse(csv, nil, crs: .cgcs2000)
        #expect(fixes == [
            PatrolFix(member: "网格员 \"张三\" 一组", milliseconds: 1_772_413_091_000,
                      position: Coordinate(119.72011180000001, 28.2702896), crs: .gcj02, accuracy: 5),
            PatrolFix(member: "13800000001", milliseconds: 1_772_413_096_250, position: Coordinate(119.7201523, 28.2703011),
                      crs: .cgcs2000),
            PatrolFix(member: "13800000001", milliseconds: 1_772_413_101_000, position: Coordinate(119.72019, 28.2703207),
                      crs: .bd09, accuracy: 7.5),
        ])
    }

    @Test func csvEpochSecondsAndMillisecondsAndAGivenMember() throws {
        let csv = """
            timestamp,longitude,latitude
            1772413091,119.72,28.27
            1772413091500,119.7201,28.2701
            1772413091.25,119.7202,28.2702
            """
        let fixes = try parse(csv, .csv, member: "m9")
        #expect(fixes.map(\.milliseconds) == [1_772_413_091_000, 1_772_413_091_500, 1_772_413_091_250])
        #expect(fixes.map(\.member) == ["m9", "m9", "m9"])
        #expect(fixes.last?.position == Coordinate(119.7202, 28.2702))
    }

    @Test func csvErrorsNameTheLine() {
        let header = "member,time,lon,lat,accuracy\n"
        let good = "m,2026-03-02T00:58:11Z,119.72,28.27,\n"
        // A quoted field over two lines (in a column the reader ignores) counts as two lines.
        let multiLine = "m,2026-03-02T00:58:12Z,119.72,28.27,,\"two\nlines\"\n"
        #expect(error("member,time,lon,lat,accuracy,note\n" + good.dropLast() + ",\n" + multiLine
                      + "m,2026-03-02T00:58:13Z,28.27,119.72,,\n", .csv)
                == PatrolParseError(.latLonSwapped, "line 5: latitude 119.72 is out of range [-90, 90]; "
                                    + "longitude and latitude look swapped (GeoJSON order is [lon, lat])"))
        #expect(error(header + good + "m,2026-03-02 25:58:13,119.72,28.27,\n", .csv)?.code == .invalidTime)
        #expect(error(header + good + "m,2026-03-02 25:58:13,119.72,28.27,\n", .csv)?.detail
                .hasPrefix("line 3: time '2026-03-02 25:58:13' is neither ISO 8601") == true)
        // A time without a zone is Beijing time (or the zone given for the file).
        let zoneless = Data((header + "m,2026/3/2 8:58,119.72,28.27,\n").utf8)
        #expect((try? PatrolFile.parse(zoneless, format: .csv, options: PatrolParseOptions()))?.first?.milliseconds
                == Timestamp.parseMilliseconds("2026-03-02T00:58:00Z"))
        #expect((try? PatrolFile.parse(zoneless, format: .csv, options: PatrolParseOptions(zone: .utc)))?.first?.milliseconds
                == Timestamp.parseMilliseconds("2026-03-02T08:58:00Z"))
        #expect(error(header + good + good + "m,,119.72,28.27,\n", .csv) == PatrolParseError(.missingTime, "line 4: no time"))
        #expect(error(header + "m,2026-03-02T00:58:13Z,119.72,28.27,-1\n", .csv)?.code == .invalidAccuracy)
        #expect(error(header + "m,2026-03-02T00:58:13Z,119.72,28.27,abc\n", .csv)
                == PatrolParseError(.invalidAccuracy, "line 2: accuracy 'abc' is not a number"))
        #expect(error(header + "m,2026-03-02T00:58:13Z,0x1p3,28.27,\n", .csv)
                == PatrolParseError(.invalidCoordinate, "line 2: lon '0x1p3' is not a number"))
        #expect(error(header + good + "m,2026-03-02T00:58:13Z,119.72,28.27\n", .csv)
                == PatrolParseError(.malformedCSV, "line 3: 4 fields where the header has 5"))
        #expect(error(header + good + "\"m,2026-03-02T00:58:13Z,119.72,28.27,\n", .csv)
                == PatrolParseError(.malformedCSV, "line 3: a quoted field is not closed"))
        #expect(error(header + ",2026-03-02T00:58:13Z,119.72,28.27,\n", .csv)
                == PatrolParseError(.missingMember, "line 2: no member, and none was given for the file"))
        #expect(error("member,time,lon,crs\n" + good, .csv) == PatrolParseError(.malformedCSV, "line 1: the header lacks lat"))
        #expect(error("member,lon,time,Longitude,lat\n", .csv) == PatrolParseError(.malformedCSV, "line 1: the header names lon twice"))
        #expect(error("time,lon,lat\n2026-03-02T00:58:13Z,119.72,28.27\n", .csv)
                == PatrolParseError(.missingMember, "line 1: the header has no member column, and no member was given for the file"))
        #expect(error("time,lon,lat,crs\n2026-03-02T00:58:13Z,119.72,28.27,utm\n", .csv, member: "m")?.code == .unknownCRS)
        #expect(error(header, .csv) == PatrolParseError(.noFixes, "the csv file holds no fixes"))
    }

    // MARK: NDJSON

    @Test func ndjsonRecords() throws {
        let ndjson = #"""
            {"member":"13800000001","time":"2026-03-02T08:58:11+08:00","lon":119.72011180000001,"lat":28.2702896,"accuracy":5,"crs":"gcj02"}

            {"lat":28.2703011,"lon":119.7201523,"time":1772413096250,"member":13800000002,"accuracy":null,"extra":{"speed":[1.2,{"a":"b\"c"}],"ok":true}}
              {"member":"\u7f51\u683c\u5458\ud83d\ude00","time":"2026-03-02T00:58:21Z","lon":"119.72019","lat":28.2703207,"crs":null}
            """# + "\r\n"
        let fixes = try parse(ndjson, nil)
        #expect(fixes == [
            PatrolFix(member: "13800000001", milliseconds: 1_772_413_091_000, position: Coordinate(119.72011180000001, 28.2702896),
                      crs: .gcj02, accuracy: 5),
            PatrolFix(member: "13800000002", milliseconds: 1_772_413_096_250, position: Coordinate(119.7201523, 28.2703011),
                      crs: .wgs84),
            PatrolFix(member: "网格员😀", milliseconds: 1_772_413_101_000, position: Coordinate(119.72019, 28.2703207), crs: .wgs84),
        ])
    }

    @Test func ndjsonErrorsNameTheLine() {
        let good = #"{"member":"m","time":"2026-03-02T00:58:11Z","lon":119.72,"lat":28.27}"# + "\n"
        #expect(error(good + good + #"{"member":"m","time":"2026-03-02T00:58:13Z","lon":119.72,"lat":}"#, .ndjson)
                == PatrolParseError(.malformedJSON, "line 3: expected a value at column 64"))
        #expect(error(good + "\n" + good.dropLast() + " x\n", .ndjson)
                == PatrolParseError(.malformedJSON, "line 3: text after the object at column 71"))
        #expect(error(good + #"{"member":"m","time":"2026-03-02T00:58:13Z","lon":{"x":1},"lat":28.27}"#, .ndjson)?.detail
                .hasPrefix("line 2: lon must be a string or a number") == true)
        #expect(error(#"{"member":"m","time":"2026-03-02T00:58:13Z","lon":119.72,"lat":28.27,"lat":28.28}"#, .ndjson)?.detail
                .hasPrefix("line 1: lat is given twice") == true)
        #expect(error(#"{"member":"m","time":"2026-03-02T00:58:13Z","lon":0119.72,"lat":28.27}"#, .ndjson)?.code == .malformedJSON)
        #expect(error(#"{"member":"m\x","time":"2026-03-02T00:58:13Z","lon":119.72,"lat":28.27}"#, .ndjson)?.code == .malformedJSON)
        #expect(error(good + #"{"member":"m","time":"yesterday","lon":119.72,"lat":28.27}"#, .ndjson)?.detail
                .hasPrefix("line 2: time 'yesterday'") == true)
        #expect(error(good + #"{"time":"2026-03-02T00:58:13Z","lon":119.72,"lat":28.27}"#, .ndjson)
                == PatrolParseError(.missingMember, "line 2: no member, and none was given for the file"))
        #expect(error(#"["not","an","object"]"#, .ndjson)?.detail == "line 1: expected a JSON object at column 1")
    }

    // MARK: Member ids

    @Test func memberIDsMustBeIdentifiersInEveryFormat() {
        let time = "2026-03-02T00:58:11Z"
        let formula = #"member "=cmd|calc!A1" is not a valid id: it starts with '=', which spreadsheets read as a formula"#
        #expect(error("member,time,lon,lat\nm,\(time),119.72,28.27\n\"=cmd|calc!A1\",\(time),119.72,28.27\n", .csv)
                == PatrolParseError(.invalidMember, "line 3: " + formula))
        #expect(error("member,time,lon,lat\n\"m\nn\",\(time),119.72,28.27\n", .csv)
                == PatrolParseError(.invalidMember, #"line 2: member "m\nn" is not a valid id: it holds the control character U+A"#))
        #expect(error("member,time,lon,lat\n\"张三,李四\",\(time),119.72,28.27\n", .csv)?.detail.hasSuffix("it holds a comma") == true)
        #expect(error(#"{"member":"=cmd|calc!A1","time":"\#(time)","lon":119.72,"lat":28.27}"#, .ndjson)
                == PatrolParseError(.invalidMember, "line 1: " + formula))
        let feature = #"{"type":"Feature","geometry":{"type":"Point","coordinates":[119.72,28.27]},"properties":{"member":"+1 86","time":"\#(time)"}}"#
        #expect(error(#"{"type":"FeatureCollection","features":[\#(feature)]}"#, .geojson)?.code == .invalidMember)
        let gpx = #"<gpx><trk><trkseg><trkpt lat="28.27" lon="119.72"><time>\#(time)</time></trkpt></trkseg></trk></gpx>"#
        #expect(error(gpx, .gpx, member: "@admin")?.detail.hasPrefix(#"the member given for the file: member "@admin" is not a valid id"#) == true)
        #expect(error("member,time,lon,lat\n\(String(repeating: "9", count: 65)),\(time),119.72,28.27\n", .csv)?.detail
                .hasSuffix("… (65 characters) is not a valid id: it is longer than 64 characters") == true)
        // Phone numbers, names with spaces and quotes, emoji: ids as offices use them.
        for member in ["13900002342", "网格员 \"张三\"", "网格员😀", String(repeating: "甲", count: 64), "m-1"] {
            #expect(TextIdentifier.problem(member) == nil, "\(member)")
        }
        for member in ["", " m", "m ", "-1", "a\u{202E}b", "a\tb"] { #expect(TextIdentifier.problem(member) != nil, "\(member)") }
    }

    // MARK: Format detection

    @Test func formatFromExtensionContentTypeAndContent() throws {
        #expect(PatrolFileFormat(fileExtension: "GPX") == .gpx)
        #expect(PatrolFileFormat(fileExtension: ".geojson") == .geojson)
        #expect(PatrolFileFormat(fileExtension: "json") == .geojson)
        #expect(PatrolFileFormat(fileExtension: "csv") == .csv)
        #expect(PatrolFileFormat(fileExtension: "jsonl") == .ndjson)
        #expect(PatrolFileFormat(fileExtension: "kml") == nil)
        #expect(PatrolFileFormat(contentType: "application/gpx+xml") == .gpx)
        #expect(PatrolFileFormat(contentType: "application/geo+json") == .geojson)
        #expect(PatrolFileFormat(contentType: "Application/JSON; charset=utf-8") == .geojson)
        #expect(PatrolFileFormat(contentType: "text/csv;header=present") == .csv)
        #expect(PatrolFileFormat(contentType: "application/x-ndjson") == .ndjson)
        #expect(PatrolFileFormat(contentType: "application/ndjson") == .ndjson)
        #expect(PatrolFileFormat(contentType: "text/plain") == nil)

        #expect(PatrolFileFormat.sniff(try fixture("garmin-etrex.gpx")) == .gpx)
        let sniffed: [(String, PatrolFileFormat?)] = [
            ("{\n  \"type\": \"FeatureCollection\",\n  \"features\": []\n}", .geojson),
            (#"{"features":[],"type":"FeatureCollection"}"#, .geojson),
            (#"  {"type":"Feature","geometry":null}"# + "\n", .geojson),
            (#"{"member":"m","time":1772413091,"lon":119.72,"lat":28.27}"#, .ndjson),
            (#"{"type":"fix","member":"m"}"# + "\n" + #"{"type":"fix","member":"m"}"#, .ndjson),
            (#"{"member":"m"} {"#, .geojson),
            ("\u{FEFF}member,Time,lng,latitude\r\nm,1,2,3\r\n", .csv),
            ("member,time,lon\nm,1,2\n", nil),
            (#"[{"type":"Feature"}]"#, nil),
            ("hello", nil),
            ("", nil),
        ]
        for (text, format) in sniffed {
            #expect(PatrolFileFormat.sniff(Data(text.utf8)) == format, "\(text)")
        }
        #expect(error("hello\nworld\n", nil)?.code == .unknownFormat)
        #expect(error(" \n", nil) == PatrolParseError(.noFixes, "the file is empty"))
    }

    // MARK: Helpers

    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name))
    }

    private func parse(_ text: String, _ format: PatrolFileFormat?, member: String? = nil,
                       crs: CoordinateSystem = .wgs84) throws -> [PatrolFix] {
        try PatrolFile.parse(Data(text.utf8), format: format, options: PatrolParseOptions(member: member, crs: crs))
    }

    private func error(_ text: String, _ format: PatrolFileFormat?, member: String? = nil) -> PatrolParseError? {
        error(Data(text.utf8), format, member: member)
    }

    /// The error parsing fails with; nil when it succeeds.
    private func error(_ data: Data, _ format: PatrolFileFormat?, member: String? = nil) -> PatrolParseError? {
        do {
            _ = try PatrolFile.parse(data, format: format, options: PatrolParseOptions(member: member))
            return nil
        } catch {
            return error
        }
    }
}
