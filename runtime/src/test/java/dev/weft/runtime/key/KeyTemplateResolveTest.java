package dev.weft.runtime.key;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.weave.Described;
import dev.weft.runtime.weave.MethodShape;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class KeyTemplateResolveTest {
    private static final List<String> NAMES = List.of("sku", "quantity", "order", "anything", "ids");
    private static final String WHERE = "lock key \"%s\" for dev.weft.runtime.key.Fixtures$Svc#%s: ";

    /** As the weaver sees it: described from the class file, without loading the class. */
    private static MethodShape fromPool(String name) {
        MethodDescription method = TypePool.Default.ofSystemLoader().describe(Fixtures.Svc.class.getName()).resolve()
                .getDeclaredMethods().filter(named(name)).getOnly();
        return Described.method(method, ClassFileLocator.ForClassLoader.ofSystemLoader());
    }

    private static MethodShape loaded(String name) throws NoSuchMethodException {
        return Described.method(name.equals("none") ? Fixtures.Svc.class.getMethod(name)
                : Fixtures.Svc.class.getMethod(name, String.class, int.class, Fixtures.Order.class, Object.class,
                        long[].class));
    }

    private static List<ResolvedPlaceholder> resolve(String template) {
        return KeyTemplate.parse(template).resolve(fromPool("reserve"), NAMES).placeholders();
    }

    @Test
    void resolvesIndexesNamesAndEveryKindOfProperty() {
        List<ResolvedPlaceholder> placeholders = resolve(
                "{0}:{quantity}:{2.customer.id}:{order.customer.vip}:{2.customer.name}:{2.address.city}:{2.uuid}");

        assertEquals(List.of(0, 1, 2, 2, 2, 2, 2), placeholders.stream().map(ResolvedPlaceholder::argument).toList());
        assertEquals(List.of(), placeholders.get(0).steps());
        assertEquals(List.of(new Step("customer", "getCustomer", false), new Step("id", "getId", false)),
                placeholders.get(2).steps());
        assertEquals(new Step("vip", "isVip", false), placeholders.get(3).steps().get(1));
        assertEquals(new Step("name", "getName", false), placeholders.get(4).steps().get(1),
                "inherited from a superclass that implements an interface");
        assertEquals(List.of(new Step("address", "address", true), new Step("city", "city", false)),
                placeholders.get(5).steps(), "a public field, then a record accessor");
        assertEquals(new Step("uuid", "uuid", false), placeholders.get(6).steps().get(0));
    }

    @Test
    void namesReadFromTheClassFileResolve() {
        MethodShape reserve = fromPool("reserve");
        List<String> names = reserve.parameterNames();

        assertEquals(NAMES, names);
        assertEquals(2, KeyTemplate.parse("{order.customer.id}").resolve(reserve, names).placeholders().get(0)
                .argument());
    }

    @Test
    void loadedAndPooledDescriptionsResolveAlike() throws Exception {
        KeyTemplate template = KeyTemplate.parse("{0}:{2.customer.id}:{2.address.zip}");

        assertEquals(template.resolve(fromPool("reserve"), null).placeholders(),
                template.resolve(loaded("reserve"), null).placeholders());
    }

    private static void assertRejected(String template, String method, List<String> names, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyTemplate.parse(template).resolve(fromPool(method), names));
        assertEquals(String.format(WHERE, template, method) + what, e.getMessage());
    }

    @Test
    void indexOutOfRange() {
        assertRejected("k:{5}", "reserve", NAMES, "{5}: the method has 5 arguments, so the index goes up to 4");
        assertRejected("k:{0}", "none", List.of(), "{0}: the method has no arguments");
    }

    @Test
    void namesNeedTheClassFileToHaveThem() {
        assertRejected("k:{sku}", "reserve", null, "{sku}: argument names are not in the class file: compile with"
                + " -parameters (or -g), or use {0}-style indexes");
    }

    @Test
    void unknownName() {
        assertRejected("k:{skuu}", "reserve", NAMES, "{skuu}: the method has no argument named 'skuu'; its"
                + " arguments are sku, quantity, order, anything, ids");
    }

    @Test
    void propertiesOfAPrimitive() {
        assertRejected("k:{1.value}", "reserve", NAMES, "{1.value}: argument 1 is of type int, which has no properties");
        assertRejected("k:{2.address.zip.x}", "reserve", NAMES, "{2.address.zip.x}: argument 2 property"
                + " 'address.zip' is of type int, which has no properties");
    }

    @Test
    void propertiesOfAnArray() {
        assertRejected("k:{ids.length}", "reserve", NAMES, "{ids.length}: argument 'ids' is an array (long[]),"
                + " which has no properties");
    }

    @Test
    void propertiesOfObject() {
        assertRejected("k:{3.id}", "reserve", NAMES, "{3.id}: argument 3 is declared as java.lang.Object, so its"
                + " properties are unknown; declare a more specific type, or key on the value itself");
        assertRejected("k:{2.payload.id}", "reserve", NAMES, "{2.payload.id}: argument 2 property 'payload' is"
                + " declared as java.lang.Object, so its properties are unknown; declare a more specific type, or"
                + " key on the value itself");
    }

    @Test
    void missingProperties() {
        String order = "dev.weft.runtime.key.Fixtures$Order";
        assertRejected("k:{2.custmer}", "reserve", NAMES, "{2.custmer}: " + order + " has no public getCustmer(),"
                + " isCustmer(), custmer() or field custmer");
        assertRejected("k:{2.secret}", "reserve", NAMES, "{2.secret}: " + order + " has no public getSecret(),"
                + " isSecret(), secret() or field secret");
        assertRejected("k:{2.channel}", "reserve", NAMES, "{2.channel}: " + order + " has no public getChannel(),"
                + " isChannel(), channel() or field channel");
        assertRejected("k:{2.customer.region}", "reserve", NAMES, "{2.customer.region}: dev.weft.runtime.key"
                + ".Fixtures$Customer has no public getRegion(), isRegion(), region() or field region");
        assertRejected("k:{2.customer.archived}", "reserve", NAMES, "{2.customer.archived}: dev.weft.runtime.key"
                + ".Fixtures$Customer has no public getArchived(), isArchived(), archived() or field archived");
    }
}
