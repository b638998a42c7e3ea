package com.acme.answer;

/** A library class whose methods Weft may answer instead of it ({@code AnsweringAdviceTest}). */
public class Container {
    public String name() {
        return "body";
    }

    public boolean valid() {
        return false;
    }
}
