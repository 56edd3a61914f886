/**
 * The `camel` command without JBang: camel-jbang-core's entry point, which has no main method of its own (JBang's
 * launcher, camel-jbang-main, provides one). Run as a single source file with the class path of pom.xml beside it:
 * {@code java -cp "$(cat classpath.txt)" CamelCli.java run ...}.
 */
public final class CamelCli {

    private CamelCli() {
    }

    public static void main(String[] args) {
        org.apache.camel.dsl.jbang.core.commands.CamelJBangMain.run(args);
    }
}
