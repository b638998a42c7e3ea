package com.acme.rewards;

/**
 * The points service: the members' loyalty points, none at the start, in its own database; {@code POST /credit} for
 * the shop. Usage: {@code PointsApp <jdbc url> <port>} (0: any free port); see {@link Service} for how it runs.
 */
public final class PointsApp {
    private PointsApp() {
    }

    public static void main(String[] args) throws Exception {
        Books books = new Books(args[0]);
        books.open(0);
        Service.serve(Integer.parseInt(args[1]), "/credit", new CreditHandler(new PointsService(books)));
    }
}
