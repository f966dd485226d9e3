package org.gridgov.cases.security;

/** The roles of the requirements' 统一身份认证 section; each user has exactly one. */
public enum Role {
    GRID_WORKER("网格员"),
    COMMAND_CENTER("指挥中心"),
    DEPARTMENT("部门"),
    GRID_CENTER("网格中心"),
    LEADER("领导"),
    ADMIN("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
