package org.gridgov.cases.security;

import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * What a failed sign-in tells the user, in one place: the login page shows only these (never text from the address
 * bar, which anyone can put in a link), and an unknown name gets exactly what an account gets.
 */
public final class LoginMessages {

    public static final String WRONG = "用户名或密码错误";
    public static final String DISABLED = "账号已停用";
    public static final String TOO_FAST = "登录过于频繁，请稍后再试";
    public static final String GENERIC = "登录失败，请重试";

    private static final Pattern JUST_LOCKED = Pattern.compile("密码错误次数过多，账号已锁定 \\d{1,5} 分钟");
    private static final Pattern LOCKED = Pattern.compile("账号已锁定，请于 \\d{2}:\\d{2}(:\\d{2})? 后重试");

    private LoginMessages() {}

    /** The attempt that locked the name. */
    public static String justLocked(long minutes) {
        return "密码错误次数过多，账号已锁定 " + minutes + " 分钟";
    }

    /** An attempt while the name is locked. */
    public static String locked(LocalDateTime until) {
        return "账号已锁定，请于 " + until.toLocalTime().withNano(0) + " 后重试";
    }

    /** The message to show for a {@code ?error=} value: one of ours as it is, anything else as the generic one. */
    public static String shown(String error) {
        if (error == null) {
            return null;
        }
        String e = error.strip();
        boolean ours = e.equals(WRONG)
                || e.equals(DISABLED)
                || e.equals(TOO_FAST)
                || JUST_LOCKED.matcher(e).matches()
                || LOCKED.matcher(e).matches();
        return ours ? e : GENERIC;
    }
}
