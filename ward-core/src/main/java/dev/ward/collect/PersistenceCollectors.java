package dev.ward.collect;

import dev.ward.collect.cron.CronCollector;
import dev.ward.collect.devfs.DevCollector;
import dev.ward.collect.modules.ModulesCollector;
import dev.ward.collect.pam.PamCollector;
import dev.ward.collect.preload.PreloadCollector;
import dev.ward.collect.script.ScriptCollector;
import dev.ward.collect.setid.SetIdCollector;
import dev.ward.collect.systemd.SystemdCollector;
import dev.ward.collect.udev.UdevCollector;
import dev.ward.collect.webshell.WebShellCollector;
import java.util.List;

/** The collectors of the persistence sources, to register in one line. */
public final class PersistenceCollectors {
    private PersistenceCollectors() {
    }

    public static List<Collector<?>> all() {
        return List.of(new CronCollector(), new SystemdCollector(), new ScriptCollector(), new PreloadCollector(),
                new ModulesCollector(), new PamCollector(), new UdevCollector(), new WebShellCollector(),
                new DevCollector(), new SetIdCollector());
    }
}
