package io.camelretool.example.config;

import io.camelretool.example.SignupServices;
import io.camelretool.example.intake.folder.FolderIntake;
import io.camelretool.example.intake.folder.InboxEntryFilter;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * The named beans the YAML routes ({@code src/main/resources/camel/*.camel.yaml}) call, bound by Camel Main under the
 * names the routes use. A method's parameters are looked up in the registry by type: {@link SignupServices} is bound
 * by the application's setup before Camel Main reads this class.
 */
public class RouteBeans implements CamelConfiguration {

    /** The folder route's {@code filter}: only regular files of the inbox are read. */
    @BindToRegistry("inboxEntryFilter")
    public InboxEntryFilter inboxEntryFilter() {
        return new InboxEntryFilter();
    }

    /** The folder route's steps: accept a CSV, or set it aside with its reason. */
    @BindToRegistry("folderIntake")
    public FolderIntake folderIntake(SignupServices services) {
        return new FolderIntake(services.intake());
    }
}
