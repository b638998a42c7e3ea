package com.acme.bench;

/**
 * Two TCC participants whose try, confirm and cancel do nothing, so that a global transaction over them costs only
 * what Weft adds: registering each branch durably, the commit decision, and confirming.
 */
public class EmptyBranches {
    public void tryFirst(long id) {
    }

    public void confirmFirst(long id) {
    }

    public void cancelFirst(long id) {
    }

    public void trySecond(long id) {
    }

    public void confirmSecond(long id) {
    }

    public void cancelSecond(long id) {
    }
}
