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
                                       context.words.channelNotOther(channel.id, other),
                                       hint: context.words.channelNotOtherHint(measurement.channels.map(\.id).filter { $0 != channel.id }))
                    }
                }
                let counted = measurement.channels.filter { $0.overlapsWith == nil }
                guard let sum = context.sum(counted.map(\.value)), !sum.isEqual(to: measurement.value) else { continue }
                let all = context.sum(measurement.channels.map(\.value))
                let overlapping = measurement.channels.filter { $0.overlapsWith != nil }
                var message = context.words.channels(measurement.date, target.name, context.number(measurement.value), context.number(sum))
                if let all, all.isEqual(to: measurement.value), !overlapping.isEmpty {
                    message += context.words.alsoCounts(overlapping.map { (name: $0.name ?? $0.id, overlaps: $0.overlapsWith ?? "") })
                }
                context.report(id, at: measurement.pointer + "/value", message,
                               hint: context.words.channelsHint, stated: measurement.value.description, expected: sum.description)
            }
        }
    }
}
