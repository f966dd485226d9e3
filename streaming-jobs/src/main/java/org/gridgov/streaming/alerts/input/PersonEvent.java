package org.gridgov.streaming.alerts.input;

/**
 * Something a person did, keyed by the salted person key: a petition, a 12345 call or a police incident. Petitions
 * naming a company also travel keyed by company to the group-petition rule.
 */
public final class PersonEvent {

    public enum Kind { PETITION, CALL, POLICE }

    public String personKey;
    public Kind kind;
    public String recordId;
    public long time;
    public String categoryCode;
    public String companyName;
    /**
     * The problem a call is about: the loader's master case for a repeat call of an open problem, else the call's
     * own id (null for petitions and incidents). repeat_call counts problems, not calls.
     */
    public String problemId;
    public String inputId;
    public String topic;
    public long receivedTime;

    public PersonEvent() {
    }

    public PersonEvent(String personKey, Kind kind, String recordId, long time, String categoryCode,
                       String companyName) {
        this.personKey = personKey;
        this.kind = kind;
        this.recordId = recordId;
        this.time = time;
        this.categoryCode = categoryCode;
        this.companyName = companyName;
    }

    static PersonEvent of(InputEvent in, Kind kind) {
        PersonEvent e = new PersonEvent(in.personKey, kind, in.recordId, in.eventTime, in.categoryCode,
                in.companyName);
        e.inputId = in.inputId;
        if (kind == Kind.CALL) {
            e.problemId = in.masterCaseId != null ? in.masterCaseId : in.recordId;
        }
        e.topic = in.topic;
        e.receivedTime = in.receivedTime;
        return e;
    }

    @Override
    public String toString() {
        return "PersonEvent[" + kind + " " + recordId + " @" + time + "]";
    }
}
