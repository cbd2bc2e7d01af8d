package dev.ward.collect.sudo;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.model.SudoDefault;

/** The Defaults settings of the host's sudoers, includes followed. */
public final class SudoDefaultCollector implements Collector<SudoDefault> {
    @Override
    public String source() {
        return "sudo_defaults";
    }

    @Override
    public Class<SudoDefault> type() {
        return SudoDefault.class;
    }

    @Override
    public CollectResult<SudoDefault> collect(Scan scan) {
        SudoersReader.Sudoers s = scan.once(SudoersReader.class, SudoersReader::read);
        return new CollectResult<>(s.defaults(), s.errors());
    }
}
