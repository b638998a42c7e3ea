package com.acme.rewards;

/**
 * The points service's participant: gives a member one loyalty point per unit of money spent. Try books them as
 * pending, confirm adds them to the balance, cancel drops them. It refuses the points of a member whose card is
 * blocked ({@value #BLOCKED}): the try's transaction rolls back and it throws, and whoever coordinates the purchase
 * has to give the member's money back. Plain JDBC, no Weft API.
 */
public class PointsService {
    public static final String BLOCKED = "m3";

    private final Books books;

    public PointsService(Books books) {
        this.books = books;
    }

    public void credit(String purchase, String member, long points) {
        books.inTransaction(purchase, "CREDIT_TRY", c -> {
            Books.update(c, "UPDATE account SET held = held + ? WHERE member = ?", points, member);
            if (member.equals(BLOCKED)) {
                throw new IllegalStateException("the loyalty card of " + member + " is blocked");
            }
        });
    }

    public void confirmCredit(String purchase, String member, long points) {
        books.inTransaction(purchase, "CREDIT_CONFIRM", c -> Books.update(c,
                "UPDATE account SET held = held - ?, balance = balance + ? WHERE member = ?", points, points, member));
    }

    public void cancelCredit(String purchase, String member, long points) {
        books.inTransaction(purchase, "CREDIT_CANCEL", c -> Books.update(c,
                "UPDATE account SET held = held - ? WHERE member = ?", points, member));
    }
}
