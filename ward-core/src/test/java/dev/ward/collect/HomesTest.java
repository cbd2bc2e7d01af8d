package dev.ward.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.host.HostPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomesTest {
    @Test
    void distinctAbsoluteHomesWithoutRoot() {
        String passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n"
                + "sync:x:4:65534:sync:/:/bin/sync\nbob:x:1000:1000::/home/bob:/bin/bash\nalice:x:1001:1001::/home/bob:/bin/sh\n"
                + "broken:x:5\nrel:x:6:6::home/rel:/bin/sh\n\u0000\u00ff::::\n";
        assertEquals(List.of(HostPath.of("/root"), HostPath.of("/usr/sbin"), HostPath.of("/home/bob")), Homes.parse(passwd));
    }

    @Test
    void linkTargetsResolveInsideTheRoot() {
        HostPath link = HostPath.of("/etc/systemd/system/multi-user.target.wants/x.service");
        assertEquals(HostPath.of("/etc/systemd/system/x.service"), HostFiles.linkTarget(link, "../x.service"));
        assertEquals(HostPath.of("/lib/systemd/system/x.service"), HostFiles.linkTarget(link, "/lib/systemd/system/./x.service"));
        assertEquals(HostPath.of("/x"), HostFiles.linkTarget(HostPath.of("/a/l"), "../../../../x"));
    }
}
