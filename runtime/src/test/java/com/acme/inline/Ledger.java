package com.acme.inline;

import java.util.ArrayList;
import java.util.List;

/** Methods of every shape the weaver meets: woven by InlineAdviceTest with both back-ends, which must agree. */
public class Ledger {
    private final List<String> entries = new ArrayList<>();

    public Ledger() {
        entries.add("opened");
    }

    public Ledger(String first) {
        this();
        if (first == null) {
            throw new IllegalArgumentException("no first entry");
        }
        entries.add(first);
    }

    public static int add(int a, long b, double c, boolean negate, char unit, byte small, short medium, float part) {
        int sum = (int) (a + b + c + small + medium + part) + (unit == 'k' ? 1000 : 0);
        return negate ? -sum : sum;
    }

    public String entry(int index) {
        return entries.get(index);
    }

    public void record(String entry) {
        if (entry.isEmpty()) {
            throw new IllegalStateException("empty entry");
        }
        entries.add(entry);
    }

    /** Its own handler must see its own exception first: the woven one is last in the table. */
    public int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        } finally {
            entries.add("parsed " + number);
        }
    }

    /** Returns from inside a loop: jump targets with stack map frames in the body. */
    public static long firstAbove(long[] values, long floor) {
        for (long value : values) {
            if (value > floor) {
                return value;
            }
        }
        return Long.MIN_VALUE;
    }

    public static double half(double value) {
        return value / 2;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public static int[] squares(int n) {
        int[] squares = new int[n];
        for (int i = 0; i < n; i++) {
            squares[i] = i * i;
        }
        return squares;
    }

    public synchronized int size() {
        return entries.size();
    }

    public static void fail(String message) throws Exception {
        throw new Exception(message);
    }
}
