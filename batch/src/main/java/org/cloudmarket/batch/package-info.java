/**
 * Jakarta Batch artifacts: readers, processors, writers and batchlets named by the job XMLs under
 * {@code META-INF/batch-jobs/}. They translate and delegate to the services of the ejb module;
 * billing, live proceeds and statements arrive with their issues.
 */
package org.cloudmarket.batch;
