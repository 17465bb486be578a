/// A total counted over channels (platforms that make job seekers visible to employers) leaves
/// out a channel that overlaps another: its people are counted there already.
enum TransparencyOverlapRule: PlanRule {
    static let id = "transparency-overlap"

    static func check(_ context: inout CheckContext) {
        for target in context.plan.targets {
            for measurement in target.measurements where !measurement.channels.isEmpty {
                let ids = Set(measurement.channels.map(\.id))
                for (index, channel) in measurement.channels.enumerated() {
                    if let other = channel.overlapsWith, !ids.contains(other) || other == channel.id {
                        context.report(id, at: measurement.pointer + "/channels/\(index)/overlapsWith",
                                       "channel \"\(channel.id)\" overlaps \"\(other)\", which is not another channel of this measurement",
                                       hint: "name one of: " + measurement.channels.map(\.id).filter { $0 != channel.id }.joined(separator: ", "))
                    }
                }
                let counted = measurement.channels.filter { $0.overlapsWith == nil }
                guard let sum = context.sum(counted.map(\.value)), !sum.isEqual(to: measurement.value) else { continue }
                let all = context.sum(measurement.channels.map(\.value))
                let overlapping = measurement.channels.filter { $0.overlapsWith != nil }
                var message = "the total for \(measurement.date) of \"\(target.name)\" is stated as \(context.number(measurement.value)) but the channels add up to \(context.number(sum))"
                if let all, all.isEqual(to: measurement.value), !overlapping.isEmpty {
                    message += "; the stated total also counts " + overlapping.map { "\"\($0.name ?? $0.id)\" (overlaps \"\($0.overlapsWith ?? "")\")" }.joined(separator: ", ")
                }
                context.report(id, at: measurement.pointer + "/value", message,
                               hint: "leave out channels that overlap another", stated: measurement.value.description, expected: sum.description)
            }
        }
    }
}
