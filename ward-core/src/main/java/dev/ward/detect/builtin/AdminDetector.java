package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.LoginLedger;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.AdminEvent;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.Set;

/**
 * The administrative actions of the authentication logs that an intruder's work looks like:
 * <ul>
 * <li>{@code linux.logs.sudo_shell} (medium, T1548.003): sudo ran a shell or su, a root shell whose
 * commands the log no longer sees.</li>
 * <li>{@code linux.logs.sudo_denied} (medium, T1548.003): sudo refused a user (not in sudoers, or
 * wrong passwords).</li>
 * <li>{@code linux.logs.account_added} (medium, T1136.001; high with uid 0).</li>
 * <li>{@code linux.logs.added_to_admin_group} (medium, T1098): a user added to sudo, wheel, adm, root,
 * docker, lxd, disk or shadow, each a way to root.</li>
 * <li>{@code linux.logs.password_changed} (low, T1098).</li>
 * <li>{@code linux.logs.security_package_removed} (medium, T1562.001): dpkg removed a package that
 * audits, logs, filters or scans (auditd, rsyslog, aide, fail2ban, apparmor, ufw...).</li>
 * <li>{@code linux.logs.attack_tool_installed} (low, T1588.002): dpkg installed a scanner, password
 * cracker, sniffer or tunnel (nmap, hydra, john, netcat, proxychains...); medium for a coin miner.</li>
 * </ul>
 */
public final class AdminDetector implements Detector {
    static final Set<String> SECURITY_PACKAGES = Set.of("auditd", "audispd-plugins", "aide", "aide-common", "rkhunter",
            "chkrootkit", "fail2ban", "rsyslog", "syslog-ng", "syslog-ng-core", "logrotate", "apparmor", "selinux-basics",
            "selinux-policy-default", "ufw", "firewalld", "nftables", "iptables-persistent", "clamav", "clamav-daemon",
            "clamav-freshclam", "tripwire", "samhain", "osquery", "ossec-hids", "wazuh-agent", "falcon-sensor", "acct",
            "debsums", "lynis", "tiger", "unattended-upgrades", "libpam-tmpdir", "sysdig", "tetragon", "falco");
    static final Set<String> ATTACK_TOOLS = Set.of("nmap", "masscan", "zmap", "hydra", "medusa", "ncrack", "john",
            "hashcat", "sqlmap", "nikto", "netcat-traditional", "ncat", "hping3", "dsniff", "ettercap-text-only",
            "ettercap-graphical", "proxychains", "proxychains4", "tor", "aircrack-ng", "metasploit-framework", "responder",
            "crackmapexec", "netexec", "impacket-scripts", "python3-impacket", "chisel", "ligolo-ng", "iodine", "dns2tcp",
            "ptunnel", "ptunnel-ng", "weevely", "beef-xss", "wfuzz", "gobuster", "dirb", "ffuf");
    static final Set<String> MINERS = Set.of("xmrig", "cpuminer", "cpuminer-multi", "minerd", "ethminer", "cgminer",
            "bfgminer");
    static final Set<String> ADMIN_GROUPS = Set.of("sudo", "wheel", "admin", "adm", "root", "docker", "lxd", "disk", "shadow");

    private final AuthLogCollector logs;

    public AdminDetector() {
        this(new AuthLogCollector());
    }

    public AdminDetector(AuthLogCollector logs) {
        this.logs = logs;
    }

    @Override
    public String name() {
        return "admin_actions";
    }

    @Override
    public void detect(Scan scan, Results out) {
        for (AdminEvent e : LoginLedger.of(scan, logs).adminActions()) {
            Finding.Builder b = switch (e.kind()) {
                case SUDO -> Finding.builder("linux.logs.sudo_shell", Severity.MEDIUM, "sudo opened a shell")
                        .summary(e.actor() + " ran " + e.detail() + " as " + e.target() + " at " + e.time())
                        .attack("T1548.003")
                        .remediation("Confirm it was the person behind the account; what ran in that shell is only in "
                                + "its history and the files it changed.");
                case SUDO_DENIED -> Finding.builder("linux.logs.sudo_denied", Severity.MEDIUM, "sudo refused a user")
                        .summary(e.actor() + " was refused " + e.detail() + " as " + e.target() + " at " + e.time())
                        .attack("T1548.003")
                        .remediation("Find out why that account tried: a person's mistake, or someone else using it.");
                case SU -> null;
                case USER_ADDED -> Finding.builder("linux.logs.account_added",
                                e.detail().contains("UID=0,") ? Severity.HIGH : Severity.MEDIUM, "Account added")
                        .summary("account " + e.target() + " added (" + e.detail() + ") at " + e.time())
                        .attack("T1136.001")
                        .remediation("Confirm an administrator made it; if not, lock it and look at what it did.");
                case GROUP_ADDED -> null;
                case ADDED_TO_GROUP -> ADMIN_GROUPS.contains(e.detail())
                        ? Finding.builder("linux.logs.added_to_admin_group", Severity.MEDIUM, "User added to an administrative group")
                                .summary(e.target() + " added to group " + e.detail()
                                        + (e.actor().isEmpty() ? "" : " by " + e.actor()) + " at " + e.time())
                                .attack("T1098")
                                .remediation("Confirm the change was planned; otherwise remove the membership and look "
                                        + "at what the account did since.")
                        : null;
                case PASSWORD_CHANGED -> Finding.builder("linux.logs.password_changed", Severity.LOW, "Password changed")
                        .summary("password of " + e.target() + " changed by " + e.program() + " at " + e.time())
                        .attack("T1098")
                        .remediation("Confirm the owner changed it.");
                case PACKAGE_REMOVED -> SECURITY_PACKAGES.contains(e.target())
                        ? Finding.builder("linux.logs.security_package_removed", Severity.MEDIUM,
                                        "A security or logging package removed")
                                .summary("dpkg removed " + e.target() + " (" + e.detail() + ") at " + e.time())
                                .attack("T1562.001")
                                .remediation("Confirm an administrator removed it; if not, reinstall it from a trusted "
                                        + "mirror and treat what it watched over since then as unwatched.")
                        : null;
                case PACKAGE_INSTALLED -> MINERS.contains(e.target()) || ATTACK_TOOLS.contains(e.target())
                        ? Finding.builder("linux.logs.attack_tool_installed",
                                        MINERS.contains(e.target()) ? Severity.MEDIUM : Severity.LOW,
                                        MINERS.contains(e.target()) ? "A coin miner installed" : "An attack tool installed")
                                .summary("dpkg installed " + e.target() + " " + e.detail() + " at " + e.time())
                                .attack("T1588.002")
                                .remediation("Ask who installed it and why; an intruder brings scanners, crackers and "
                                        + "tunnels to reach further from this host.")
                        : null;
                case PACKAGE_UPGRADED, PACKAGE_COMMAND, CRON_COMMAND, SESSION_OPENED, SHUTDOWN -> null;
            };
            if (b != null) {
                out.add(b.evidence("actor", e.actor().isEmpty() ? null : e.actor()).evidence("target", e.target())
                        .evidence("detail", e.detail().isEmpty() ? null : e.detail()).evidence("time", e.time().toString())
                        .evidence("program", e.program()).evidence("file", e.file()).evidence("line", e.line())
                        .path(e.file()).build());
            }
        }
    }
}
