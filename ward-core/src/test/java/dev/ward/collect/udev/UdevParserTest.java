package dev.ward.collect.udev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.collect.udev.UdevParser.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdevParserTest {
    @Test
    void programKeysButNotBuiltins() {
        assertEquals(List.of(new Run(2, "RUN", "/usr/local/bin/usb-hook %k"),
                new Run(3, "PROGRAM", "/lib/udev/scsi_id -g"), new Run(3, "RUN{program}", "/tmp/.x/run"),
                new Run(4, "IMPORT{program}", "/usr/lib/helper $devpath"),
                new Run(5, "RUN", "/bin/sh -c 'echo $devpath'")),
                UdevParser.parse(Fixtures.text("udev/99-rules.rules")));
    }

    @Test
    void unterminatedAndBinaryLinesAreSkipped() {
        assertEquals(List.of(new Run(3, "RUN", "/bin/ok")), UdevParser.parse(Fixtures.text("udev/broken.rules")));
    }
}
