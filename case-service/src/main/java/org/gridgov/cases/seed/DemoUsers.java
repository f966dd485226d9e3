package org.gridgov.cases.seed;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.dispatch.DepartmentDirectory;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.UserStore;
import org.gridgov.common.district.District;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * With {@code gridgov.case.seed-users=true} and an empty user table: one user per role, each with a random password
 * printed once on standard output (only bcrypt hashes are stored, so they cannot be shown again). A real deployment
 * leaves this off and creates users through its identity process.
 */
@Component
public class DemoUsers implements ApplicationRunner {

    /** username, display name, role, scope, department name. */
    public static final List<String[]> USERS = List.of(
            new String[] {"admin", "系统管理员", "ADMIN", District.CODE, null},
            new String[] {"leader", "区领导", "LEADER", District.CODE, null},
            new String[] {"command", "区指挥中心", "COMMAND_CENTER", District.CODE, null},
            new String[] {"gridcenter", "山大路街道网格中心", "GRID_CENTER", "370112001", null},
            new String[] {"worker", "山大路社区第1网格网格员", "GRID_WORKER", "37011200100101", null},
            new String[] {"chengguan", "区城市管理局", "DEPARTMENT", District.CODE, "区城市管理局"},
            new String[] {"streetoffice", "山大路街道办事处", "DEPARTMENT", "370112001", "山大路街道办事处"});

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserStore users;
    private final DepartmentDirectory departments;
    private final PasswordEncoder encoder;
    private final CaseServiceProperties props;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DemoUsers(
            UserStore users,
            DepartmentDirectory departments,
            PasswordEncoder encoder,
            CaseServiceProperties props,
            Clock clock) {
        this.users = users;
        this.departments = departments;
        this.encoder = encoder;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!props.seedUsers() || !users.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("\n演示账号（密码只显示这一次）/ demo users, passwords shown once:\n");
        for (String[] u : USERS) {
            String password = password();
            String department = u[4] == null
                    ? null
                    : departments
                            .codeNamed(u[4])
                            .orElseThrow(() ->
                                    new IllegalStateException("no department named " + u[4] + " to seed its user"));
            users.create(
                    u[0],
                    u[1],
                    encoder.encode(password),
                    Role.valueOf(u[2]),
                    u[3],
                    department,
                    LocalDateTime.now(clock));
            out.append(String.format(
                    "  %-13s %-11s %-10s %s%n",
                    u[0], password, Role.valueOf(u[2]).label(), u[1]));
        }
        System.out.print(out);
        System.out.flush();
    }

    private String password() {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            p.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return p.toString();
    }
}
