package dev.ward.collect.sudo;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.model.SudoRule;

/** The user specifications of the host's sudoers, includes followed and aliases expanded. */
public final class SudoRuleCollector implements Collector<SudoRule> {
    @Override
    public String source() {
        return "sudo_rules";
    }

    @Override
    public Class<SudoRule> type() {
        return SudoRule.class;
    }

    @Override
    public CollectResult<SudoRule> collect(Scan scan) {
        SudoersReader.Sudoers s = scan.once(SudoersReader.class, SudoersReader::read);
        return new CollectResult<>(s.rules(), s.errors());
    }
}
