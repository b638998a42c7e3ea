package dev.weft.runtime.key;

import java.util.UUID;

/** Argument types for key templates, covering every way a property can be read. */
final class Fixtures {
    private Fixtures() {
    }

    public interface Named {
        String getName();
    }

    public abstract static class Party implements Named {
        private final String name;

        Party(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    public static class Customer extends Party {
        private final String id;
        private final boolean vip;
        private final Boolean archived;

        public Customer(String id, String name, boolean vip) {
            super(name);
            this.id = id;
            this.vip = vip;
            this.archived = null;
        }

        public String getId() {
            return id;
        }

        public boolean isVip() {
            return vip;
        }

        /** A wrapper Boolean is no JavaBeans {@code is} getter. */
        public Boolean isArchived() {
            return archived;
        }

        public static String getRegion() {
            return "eu";
        }
    }

    public record Address(String city, int zip) {
    }

    public enum Priority {
        LOW, HIGH {
            @Override
            public String toString() {
                return "High!";
            }
        }
    }

    public static class Order {
        public Address address;
        public static String channel = "web";
        private String secret = "s";
        private final Customer customer;
        private final UUID uuid;
        private final Priority priority;
        private final Object payload;

        public Order(Customer customer, Address address, UUID uuid, Priority priority, Object payload) {
            this.customer = customer;
            this.address = address;
            this.uuid = uuid;
            this.priority = priority;
            this.payload = payload;
        }

        public Customer getCustomer() {
            return customer;
        }

        public UUID uuid() {
            return uuid;
        }

        public Priority getPriority() {
            return priority;
        }

        public Object getPayload() {
            return payload;
        }

        public Hidden getHidden() {
            return new Hidden();
        }

        public Plain getPlain() {
            return new Plain();
        }

        public String getFailing() {
            throw new IllegalStateException("boom");
        }
    }

    /** Not public: its public getter must still be readable. */
    private static final class Hidden {
        public String getCode() {
            return "h1";
        }
    }

    /** No toString() of its own. */
    public static final class Plain {
        public String getLabel() {
            return "plain";
        }
    }

    public static class Svc {
        public void reserve(String sku, int quantity, Order order, Object anything, long[] ids) {
        }

        public void none() {
        }

        public void place(Order order) {
        }

        public void move(Customer customer) {
        }
    }
}
