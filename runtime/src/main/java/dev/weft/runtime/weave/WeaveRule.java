package dev.weft.runtime.weave;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/** A rule the weaver applies: its checks, plus the site that does the work around each matched method. */
public interface WeaveRule extends RuleCheck {
    /** The site for one matched method; only called when {@link #problemWith} found nothing. */
    Site createSite(MethodDescription method, ClassFileLocator classFiles);
}
